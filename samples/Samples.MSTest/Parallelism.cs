// The loop's guards read process-wide counters (real timers, the shared thread pool): runs in tests that
// run at the same time could be blamed for each other's real timers. Run these tests one at a time.
[assembly: DoNotParallelize]
