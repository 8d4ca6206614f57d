using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Dvc.Engine.Server.Localization;

/// <summary>Vietnamese first, English second; the choice lives in the standard culture cookie.</summary>
internal static class PortalCultures
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    public static readonly string[] Supported = [Vietnamese, English];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English;

    public static string Current => IsEnglish ? English : Vietnamese;

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Vietnamese)
                .AddSupportedCultures(Supported)
                .AddSupportedUICultures(Supported);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // Cookie (the portal's switch) first, then ?culture= and Accept-Language for API clients.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new QueryStringRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddSingleton<PortalText>();
        return services;
    }

    public static string CookieValue(string culture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
}
