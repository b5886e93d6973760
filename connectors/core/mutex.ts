export { Mutex } from '../../lib/mutex.js';
