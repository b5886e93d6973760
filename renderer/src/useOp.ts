import { useCallback, useEffect, useState } from 'react';
import type { Input, OperationName, Output } from '../../shared/index.js';
import { call } from './api/client.js';

export interface OpState<K extends OperationName> {
  data: Output<K> | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads one operation's result, and again whenever the input or `key` changes or `reload` is called.
 * `null` input means "nothing to ask yet" (no connection picked): no request is sent.
 */
export function useOp<K extends OperationName>(op: K, input: Input<K> | null, key = ''): OpState<K> {
  const [data, setData] = useState<Output<K>>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(input !== null);
  const [tick, setTick] = useState(0);
  const serialized = input === null ? null : JSON.stringify(input);
  useEffect(() => {
    if (serialized === null) {
      setData(undefined);
      setError(undefined);
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    call(op, JSON.parse(serialized) as Input<K>)
      .then((result) => live && (setData(result), setError(undefined)))
      .catch((e: Error) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [op, serialized, key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
