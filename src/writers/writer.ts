import type { Block } from "../plan/index.js";

/**
 * One function per kind of block. Every writer declares its writers as this type, so a new kind of block in the
 * plan fails to compile until each writer says how to write it.
 */
export type BlockWriters<Out, Context> = { [K in Block["kind"]]: (block: Extract<Block, { kind: K }>, context: Context) => Out };
