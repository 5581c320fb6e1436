namespace Kasse.Domain.Payments;

/// <summary>
/// Which card terminal and which MobilePay merchant a register uses. A register without a row uses the
/// defaults from configuration (Kasse:Payments:…).
/// </summary>
public sealed class PaymentDeviceSettings
{
    public const int MaxUrlLength = 200;
    public const int MaxIdLength = 40;
    public const int DefaultTimeoutSeconds = 120;

    private PaymentDeviceSettings() { }

    public PaymentDeviceSettings(Guid registerId) => RegisterId = registerId;

    public Guid RegisterId { get; private set; }
    public Uri? CardTerminalUrl { get; private set; }
    public string? CardTerminalPoiId { get; private set; }
    public Uri? MobilePayUrl { get; private set; }
    public string? MobilePayMerchantSerialNumber { get; private set; }

    /// <summary>How long to wait for the device's answer before asking for its status instead.</summary>
    public int TimeoutSeconds { get; private set; } = DefaultTimeoutSeconds;

    public void Change(Uri? cardTerminalUrl, string? poiId, Uri? mobilePayUrl, string? merchantSerialNumber, int? timeoutSeconds)
    {
        CardTerminalUrl = CheckUrl(cardTerminalUrl, "payments.card-url");
        CardTerminalPoiId = Text.Optional(poiId, MaxIdLength, "payments.poi-id", "The terminal's POIID");
        MobilePayUrl = CheckUrl(mobilePayUrl, "payments.mobilepay-url");
        MobilePayMerchantSerialNumber = Text.Optional(merchantSerialNumber, MaxIdLength, "payments.merchant-serial-number", "The MobilePay merchant serial number");
        if (CardTerminalUrl is not null && CardTerminalPoiId is null)
            throw DomainException.Invalid(PaymentsErrors.PoiId, "A card terminal needs its POIID (shown in the terminal's settings).");
        if (MobilePayUrl is not null && MobilePayMerchantSerialNumber is null)
            throw DomainException.Invalid(PaymentsErrors.MerchantSerialNumber, "MobilePay needs the merchant serial number of the sales unit.");
        var timeout = timeoutSeconds ?? DefaultTimeoutSeconds;
        if (timeout is < 1 or > 600)
            throw DomainException.Invalid(PaymentsErrors.Timeout, "The timeout is between 1 and 600 seconds.");
        TimeoutSeconds = timeout;
    }

    private static Uri? CheckUrl(Uri? url, string code)
    {
        if (url is null)
            return null;
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || url.OriginalString.Length > MaxUrlLength)
            throw DomainException.Invalid(code, $"A device address is an absolute http(s) URL of at most {MaxUrlLength} characters, e.g. http://192.168.1.50:8110/.");
        return url;
    }
}
