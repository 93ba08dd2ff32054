import { useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";

/**
 * A transition form's idempotency key (`commandKey`), new for each submission. The page's own
 * post carries it, and the server keeps a receipt: if the answer is lost on a dropping
 * connection, the tap the tablet then queues with the same key is answered as already done
 * (decision 0017), and a double tap is applied once. Empty until the page's code runs (and
 * without JavaScript): the post then goes as it did before.
 */
export function CommandKeyField() {
  const { state } = useNavigation();
  const [key, setKey] = useState("");
  useEffect(() => {
    // A new key once a submission has ended, never while one is on its way.
    if (state === "idle") setKey(globalThis.crypto?.randomUUID?.() ?? "");
  }, [state]);
  return <input type="hidden" name="commandKey" value={key} />;
}
