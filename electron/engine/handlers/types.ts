import type { OperationName, Output, ParsedInput } from '../../../shared/index.js';
import type { EngineServices } from '../services.js';
import type { Actor } from '../actor.js';

/** `actor`: who calls, from its session (or the account that deployed a schedule); handlers that act on "me" or record who did something use it. */
export type Handler<K extends OperationName> = (input: ParsedInput<K>, services: EngineServices, actor: Actor) => Promise<Output<K>>;
export type Handlers = { readonly [K in OperationName]: Handler<K> };
/** The handlers of one area's operations (`typeof coreOps`...). */
export type HandlersFor<Ops> = { readonly [K in keyof Ops & OperationName]: Handler<K> };
