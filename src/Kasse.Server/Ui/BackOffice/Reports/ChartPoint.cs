namespace Kasse.Server.Ui.BackOffice.Reports;

/// <summary>One bar of a chart: what it is, how long it is, and the text written beside it.</summary>
public sealed record ChartPoint(string Label, decimal Value, string Text);

/// <summary>Scales values to pixels; the longest bar fills the space, negative values (net returns) draw as none.</summary>
public static class ChartScale
{
    public static double Length(decimal value, decimal max, double full) =>
        max <= 0m || value <= 0m ? 0 : (double)(value / max) * full;

    public static string Px(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
