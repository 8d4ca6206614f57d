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
            // Cookie (the portal's switch) first, then ?culture=. Accept-Language only for API clients: pages stay
            // Vietnamese first even in a browser set to English, until the citizen switches.
            var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider();
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new QueryStringRequestCultureProvider(),
                new CustomRequestCultureProvider(context =>
                    context.Request.Path.StartsWithSegments("/api")
                        ? acceptLanguage.DetermineProviderCultureResult(context)
                        : Task.FromResult<ProviderCultureResult?>(null)),
            ];
        });
        services.AddSingleton<PortalText>();
        return services;
    }

    public static string CookieValue(string culture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
}
