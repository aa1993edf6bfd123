// Each run on the virtual loop is judged on its own evidence, so tests that use it may run at the same
// time: every test method here runs in parallel with the others.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
