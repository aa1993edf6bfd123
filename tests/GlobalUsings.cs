global using AsyncKatas.Catalog;
global using AsyncKatas.Tests.Support;
global using VirtualTimeLoop;
global using static AsyncKatas.Tests.Support.KataVerifier;
// Snapshot checks follow Verify's conventions; to move to Verify.NUnit, swap this one line for
// `global using static VerifyNUnit.Verifier;`.
global using static AsyncKatas.Tests.Support.Verifier;
