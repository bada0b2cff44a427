/**
 * Loaded first in every test process and every process a test starts
 * (`npm test` puts it in NODE_OPTIONS). tap loads @tapjs/processinfo into
 * each of them, and its module hook reads and measures every module loaded,
 * for coverage and `tap --changed`, neither of which this project uses: a
 * daemon started 0.4 s slower for it. With every file excluded the hook has
 * nothing to do. tap sets its own exclusion in the environment it gives a
 * test, so this has to be set inside the process, before processinfo reads it.
 */
process.env._TAPJS_PROCESSINFO_EXCLUDE_ = '/./'
