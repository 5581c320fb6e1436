using Kasse.Domain;
using Kasse.Server.Ui.Localization;
using Microsoft.AspNetCore.Components;

namespace Kasse.Server.Ui.BackOffice;

/// <summary>
/// What every back-office page shares: calls into the application that may be refused, and the one line that says
/// what happened (saved, or why not) in the person's language.
/// </summary>
public abstract class BackOfficePage : ComponentBase
{
    [Inject] protected Shared.Backend Backend { get; set; } = null!;
    [Inject] protected UiText Words { get; set; } = null!;

    /// <summary>Why the last action was refused, as the rule said it; null when it went through.</summary>
    protected string? Error { get; set; }

    /// <summary>What the last action did, for a short confirmation.</summary>
    protected string? Done { get; set; }

    /// <summary>Runs an action; a rule's refusal is shown on the page instead of breaking the circuit.</summary>
    protected async Task<bool> TryAsync(Func<Task> action, string? done = null)
    {
        Error = null;
        Done = null;
        try
        {
            await action();
            Done = done;
            return true;
        }
        catch (DomainException e)
        {
            Error = Words.Error(e);
            return false;
        }
    }

    private readonly Dictionary<string, int> _loads = [];

    /// <summary>
    /// Reads what a page shows and applies it only if no later read by the same loader started meanwhile: a slow first
    /// load (all stores, the default filter) must not overwrite the answer to the filter the person chose after it.
    /// </summary>
    protected async Task LatestAsync<T>(Func<Task<T>> read, Action<T> apply, [System.Runtime.CompilerServices.CallerMemberName] string loader = "")
    {
        var mine = _loads[loader] = _loads.GetValueOrDefault(loader) + 1;
        var value = await read();
        if (_loads[loader] == mine)
            apply(value);
    }

    /// <summary>
    /// Who the page acts for, as the services see it (<see cref="Application.Staff.CurrentActor"/>), so a page shows
    /// only the controls its viewer may use; the services refuse the rest anyway.
    /// </summary>
    protected Task<Application.Staff.Actor> ActorAsync() =>
        Backend.Call<Application.Staff.CurrentActor, Application.Staff.Actor>(current => Task.FromResult(current.Value));

    /// <summary>A typed amount, or an error saying which field is wrong.</summary>
    protected decimal? Amount(string? text, string field, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text) && !required)
            return null;
        var value = Formats.ParseAmount(text);
        if (value is null)
            throw DomainException.Invalid("form." + field, Words.Format("{0}: '{1}' is not a number.", Words[field], text ?? ""));
        return value;
    }
}
