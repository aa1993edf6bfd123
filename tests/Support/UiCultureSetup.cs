using System.Globalization;
using AsyncKatas.Catalog.Words;

namespace AsyncKatas.Tests;

/// <summary>
/// The kata tests speak the language the runner and the summary speak (<see cref="UiLanguage"/>): the one
/// the runner chose, else DOTNET_CLI_UI_LANGUAGE, else the UI culture. It becomes the UI culture of the whole
/// assembly (NUnit carries a culture set in a OneTimeSetUp to every test under it), which the library's
/// explanations and the kata catalogue (<see cref="Support.KataText"/>) are said in.
/// </summary>
[SetUpFixture]
public sealed class UiCultureSetup
{
    [OneTimeSetUp]
    public void FromEnvironment()
    {
        var language = UiLanguage.Current != "en" ? UiLanguage.Current : UiLanguage.Choose();
        if (language != "en") CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language, predefinedOnly: false);
    }
}
