import { useCallback, useEffect, useState } from 'react';
import type { Input, OperationName, Output } from '../../shared/index.js';
import { call } from './api/client.js';

export interface OpState<K extends OperationName> {
  data: Output<K> | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads one operation's result, and again whenever `key` changes or `reload` is called. */
export function useOp<K extends OperationName>(op: K, input: Input<K>, key = ''): OpState<K> {
  const [data, setData] = useState<Output<K>>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const serialized = JSON.stringify(input);
  useEffect(() => {
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
