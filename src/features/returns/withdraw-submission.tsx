import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiSend } from '../../api/client';
import type { AgencyReturn } from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { returnQueries } from '../../api/queries';
import { describeSaveFailure } from '../../lib/field-errors';

/**
 * A contributor takes back a return they submitted by mistake, while the business unit has not yet
 * reviewed it: it becomes a draft again, with its figures, to correct and submit. It takes a
 * second click, since the business unit stops seeing it as ready.
 */
export function WithdrawSubmission({
  data,
  onDone,
  onFailed,
}: {
  data: AgencyReturn;
  onDone: (message: string) => void;
  /** Told on the page, as the return may have moved on and this button gone with it. */
  onFailed: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const { queryKey } = returnQueries.detail(data.roundId, data.agencyId);
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () =>
      apiSend(
        'withdrawReturn',
        { version: data.version },
        { params: { round: data.roundId, agency: data.agencyId } },
      ),
    // Here, not in mutate's callbacks: the return becomes a draft and this gives way to the form.
    onSuccess: async (saved) => {
      onDone(
        `Withdrawn: the ${saved.quarter} return is a draft again, with its figures. Correct it and submit it again.`,
      );
      queryClient.setQueryData(queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: returnQueries.rounds().queryKey });
    },
    onError: (failure) => {
      setConfirming(false);
      if (failure instanceof ConflictError) {
        queryClient.setQueryData(queryKey, failure.current as AgencyReturn);
        onFailed(
          'The return changed before it could be withdrawn (the business unit may have reviewed it). It is shown as it now stands.',
        );
        return;
      }
      onFailed(describeSaveFailure(failure, 'The return was not withdrawn').message);
    },
  });

  return (
    <div className="record-form__actions">
      {confirming ? (
        <>
          <p>
            Withdraw this return? The business unit will not see it until you submit it again. Its figures are
            kept.
          </p>
          <button
            type="button"
            className="button"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate()}
          >
            {withdraw.isPending ? 'Withdrawing…' : 'Yes, withdraw it'}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={withdraw.isPending}
            onClick={() => setConfirming(false)}
          >
            Keep it submitted
          </button>
        </>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          Withdraw submission
        </button>
      )}
    </div>
  );
}
