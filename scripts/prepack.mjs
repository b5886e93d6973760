// `npm pack` / `npm publish`: the package runs `exnode serve` with Node alone, so it ships the built
// console (dist/renderer); build it first when its sources changed.
import { ensureConsole } from './console-build.mjs';

ensureConsole();
