// Generated from mocks/data/dfe/*.csv by test/generated/dfe-demo-data.test.ts.
// Do not edit by hand: run `npm run generate`. Contains public sector information
// licensed under the Open Government Licence v3.0 (DfE, children in need statistics).
import type { Observation } from '../../src/api/contract';

type Measure = {
  series: Observation[];
  comparators: { england: Observation[]; region: Observation[]; statisticalNeighbours: Observation[] } | null;
};

export const dfeReferrals: Record<'referrals' | 'rereferralPercent' | 'noFurtherActionPercent', Measure> = {
  "referrals": {
    "series": [
      {
        "period": "2012-13",
        "value": 3701
      },
      {
        "period": "2013-14",
        "value": 6998
      },
      {
        "period": "2014-15",
        "value": 3801
      },
      {
        "period": "2015-16",
        "value": 4010
      },
      {
        "period": "2016-17",
        "value": 5983
      },
      {
        "period": "2017-18",
        "value": 5368
      },
      {
        "period": "2018-19",
        "value": 4013
      },
      {
        "period": "2019-20",
        "value": 3327
      },
      {
        "period": "2020-21",
        "value": 2838
      },
      {
        "period": "2021-22",
        "value": 3481
      },
      {
        "period": "2022-23",
        "value": 3937
      },
      {
        "period": "2023-24",
        "value": 3660
      },
      {
        "period": "2024-25",
        "value": 4451
      }
    ],
    "comparators": null
  },
  "rereferralPercent": {
    "series": [
      {
        "period": "2012-13",
        "value": 32.6
      },
      {
        "period": "2013-14",
        "value": 26.9
      },
      {
        "period": "2014-15",
        "value": 26.8
      },
      {
        "period": "2015-16",
        "value": 20.7
      },
      {
        "period": "2016-17",
        "value": 24.3
      },
      {
        "period": "2017-18",
        "value": 24.8
      },
      {
        "period": "2018-19",
        "value": 23.8
      },
      {
        "period": "2019-20",
        "value": 20.9
      },
      {
        "period": "2020-21",
        "value": 7.3
      },
      {
        "period": "2021-22",
        "value": 19.5
      },
      {
        "period": "2022-23",
        "value": 21.2
      },
      {
        "period": "2023-24",
        "value": 21.3
      },
      {
        "period": "2024-25",
        "value": 20.8
      }
    ],
    "comparators": {
      "england": [
        {
          "period": "2012-13",
          "value": 24.7
        },
        {
          "period": "2013-14",
          "value": 23.5
        },
        {
          "period": "2014-15",
          "value": 24.2
        },
        {
          "period": "2015-16",
          "value": 22.5
        },
        {
          "period": "2016-17",
          "value": 21.9
        },
        {
          "period": "2017-18",
          "value": 21.9
        },
        {
          "period": "2018-19",
          "value": 22.6
        },
        {
          "period": "2019-20",
          "value": 22.6
        },
        {
          "period": "2020-21",
          "value": 22.7
        },
        {
          "period": "2021-22",
          "value": 21.5
        },
        {
          "period": "2022-23",
          "value": 22.4
        },
        {
          "period": "2023-24",
          "value": 22.4
        },
        {
          "period": "2024-25",
          "value": 22.6
        }
      ],
      "region": [
        {
          "period": "2012-13",
          "value": 22.4
        },
        {
          "period": "2013-14",
          "value": 19.3
        },
        {
          "period": "2014-15",
          "value": 23
        },
        {
          "period": "2015-16",
          "value": 20.9
        },
        {
          "period": "2016-17",
          "value": 23.4
        },
        {
          "period": "2017-18",
          "value": 24.8
        },
        {
          "period": "2018-19",
          "value": 23.6
        },
        {
          "period": "2019-20",
          "value": 23
        },
        {
          "period": "2020-21",
          "value": 20.4
        },
        {
          "period": "2021-22",
          "value": 19.1
        },
        {
          "period": "2022-23",
          "value": 19.4
        },
        {
          "period": "2023-24",
          "value": 20.7
        },
        {
          "period": "2024-25",
          "value": 19.5
        }
      ],
      "statisticalNeighbours": [
        {
          "period": "2012-13",
          "value": 25.6
        },
        {
          "period": "2013-14",
          "value": 22.3
        },
        {
          "period": "2014-15",
          "value": 25.6
        },
        {
          "period": "2015-16",
          "value": 21.8
        },
        {
          "period": "2016-17",
          "value": 23
        },
        {
          "period": "2017-18",
          "value": 22.9
        },
        {
          "period": "2018-19",
          "value": 23.8
        },
        {
          "period": "2019-20",
          "value": 24.6
        },
        {
          "period": "2020-21",
          "value": 22.5
        },
        {
          "period": "2021-22",
          "value": 20.2
        },
        {
          "period": "2022-23",
          "value": 21.5
        },
        {
          "period": "2023-24",
          "value": 22.6
        },
        {
          "period": "2024-25",
          "value": 20.9
        }
      ]
    }
  },
  "noFurtherActionPercent": {
    "series": [
      {
        "period": "2012-13",
        "value": 27.2
      },
      {
        "period": "2013-14",
        "value": 56.6
      },
      {
        "period": "2014-15",
        "value": 7.6
      },
      {
        "period": "2015-16",
        "value": 0.7
      },
      {
        "period": "2016-17",
        "value": 3.6
      },
      {
        "period": "2017-18",
        "value": 5.8
      },
      {
        "period": "2018-19",
        "value": 6.1
      },
      {
        "period": "2019-20",
        "value": 2.2
      },
      {
        "period": "2020-21",
        "value": 0.7
      },
      {
        "period": "2021-22",
        "value": 0.2
      },
      {
        "period": "2022-23",
        "value": null,
        "symbol": "c"
      },
      {
        "period": "2023-24",
        "value": null,
        "symbol": "c"
      },
      {
        "period": "2024-25",
        "value": null,
        "symbol": "c"
      }
    ],
    "comparators": {
      "england": [
        {
          "period": "2012-13",
          "value": 14.5
        },
        {
          "period": "2013-14",
          "value": 14.1
        },
        {
          "period": "2014-15",
          "value": 13.8
        },
        {
          "period": "2015-16",
          "value": 9.9
        },
        {
          "period": "2016-17",
          "value": 10.2
        },
        {
          "period": "2017-18",
          "value": 9.4
        },
        {
          "period": "2018-19",
          "value": 8.1
        },
        {
          "period": "2019-20",
          "value": 6.3
        },
        {
          "period": "2020-21",
          "value": 6
        },
        {
          "period": "2021-22",
          "value": 7.6
        },
        {
          "period": "2022-23",
          "value": 7.1
        },
        {
          "period": "2023-24",
          "value": 6.3
        },
        {
          "period": "2024-25",
          "value": 6.5
        }
      ],
      "region": [
        {
          "period": "2012-13",
          "value": 9.6
        },
        {
          "period": "2013-14",
          "value": 14.5
        },
        {
          "period": "2014-15",
          "value": 10.7
        },
        {
          "period": "2015-16",
          "value": 7.9
        },
        {
          "period": "2016-17",
          "value": 11.9
        },
        {
          "period": "2017-18",
          "value": 13.4
        },
        {
          "period": "2018-19",
          "value": 6.5
        },
        {
          "period": "2019-20",
          "value": 6.4
        },
        {
          "period": "2020-21",
          "value": 2.6
        },
        {
          "period": "2021-22",
          "value": 3.1
        },
        {
          "period": "2022-23",
          "value": 2.2
        },
        {
          "period": "2023-24",
          "value": 2.2
        },
        {
          "period": "2024-25",
          "value": 2.6
        }
      ],
      "statisticalNeighbours": [
        {
          "period": "2012-13",
          "value": 8.6
        },
        {
          "period": "2013-14",
          "value": 7.9
        },
        {
          "period": "2014-15",
          "value": 11.3
        },
        {
          "period": "2015-16",
          "value": 10.5
        },
        {
          "period": "2016-17",
          "value": 8.2
        },
        {
          "period": "2017-18",
          "value": 7.4
        },
        {
          "period": "2018-19",
          "value": 11.1
        },
        {
          "period": "2019-20",
          "value": 9.7
        },
        {
          "period": "2020-21",
          "value": 7.5
        },
        {
          "period": "2021-22",
          "value": 7.4
        },
        {
          "period": "2022-23",
          "value": 7.7
        },
        {
          "period": "2023-24",
          "value": 7.5
        },
        {
          "period": "2024-25",
          "value": 7.4
        }
      ]
    }
  }
};
