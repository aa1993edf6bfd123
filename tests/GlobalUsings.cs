global using AsyncKatas.Catalog;
global using AsyncKatas.Tests.Support;
global using VirtualTimeLoop;
// What a kata program gets (the library's LoopEnvironment, with its clock as a FakeTimeProvider); the kata
// tests keep their shorter name for it.
global using ProgramIO = AsyncKatas.Tests.Support.KataIO;
global using static AsyncKatas.Tests.Support.KataVerifier;
// Snapshot checks follow Verify's conventions; to move to Verify.NUnit, swap this one line for
// `global using static VerifyNUnit.Verifier;`.
global using static AsyncKatas.Tests.Support.Verifier;
