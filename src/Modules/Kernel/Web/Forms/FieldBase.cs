using Microsoft.AspNetCore.Components;

namespace Emulation.Kernel.Web.Forms;

/// <summary>What every labelled field shares: its name, label, hint and the error slot tied to the input.</summary>
public abstract class FieldBase : ComponentBase
{
    [CascadingParameter] public FormScope? Scope { get; set; }
    [Parameter, EditorRequired] public string Name { get; set; } = "";
    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter] public bool Required { get; set; }
    [Parameter] public string? Hint { get; set; }
    /// <summary>The server's refusal of this field, for a form that posts back to its page rather than through the script.</summary>
    [Parameter] public string? Error { get; set; }

    protected string Id => Scope?.IdFor(Name) ?? "f-" + Name;
    protected string ErrorId => Id + "-err";
    protected string? HintId => Hint is null ? null : Id + "-hint";
    protected string DescribedBy => HintId is null ? ErrorId : ErrorId + " " + HintId;
}
