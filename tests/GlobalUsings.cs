global using AsyncKatas.Tests.Harness;
global using static AsyncKatas.Tests.Verification.KataVerifier;
// Snapshot checks follow Verify's conventions; to move to Verify.NUnit, swap this one line for
// `global using static VerifyNUnit.Verifier;`.
global using static AsyncKatas.Tests.Verification.Verifier;
