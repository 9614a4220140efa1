// Loaded into the data service with `node --import` by an end-to-end test: the service's clock
// runs from CLOCK_AT instead of now, as Playwright's page.clock moves a browser's. Only the
// start moves; time then passes as usual.
const at = Date.parse(process.env.CLOCK_AT ?? '');
if (Number.isNaN(at)) throw new Error('CLOCK_AT must be a date and time, for example 2099-02-01T09:00:00Z');
const RealDate = Date;
const offset = at - RealDate.now();

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }

  static now() {
    return RealDate.now() + offset;
  }
}

globalThis.Date = ShiftedDate;
