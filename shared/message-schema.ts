import { z } from 'zod';
import { type MessageRef, isMessageRef } from './messages/index.js';

/** A message as it travels in an operation's output: a catalog key and its parameters. */
export const messageRefSchema = z.custom<MessageRef>(isMessageRef, 'expected a message');
