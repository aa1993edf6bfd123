global using AsyncKatas.Catalog;
global using AsyncKatas.Tests.Support;
global using VirtualTimeLoop;
// The library calls what a program gets LoopEnvironment; the kata tests keep their shorter name for it.
global using ProgramIO = VirtualTimeLoop.LoopEnvironment;
global using static AsyncKatas.Tests.Support.KataVerifier;
// Snapshot checks follow Verify's conventions; to move to Verify.NUnit, swap this one line for
// `global using static VerifyNUnit.Verifier;`.
global using static AsyncKatas.Tests.Support.Verifier;
