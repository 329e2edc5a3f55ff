using Xunit;

// Saves capture every woven static in the process, so tests that save or load run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
