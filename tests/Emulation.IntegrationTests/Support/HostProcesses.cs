namespace Emulation.IntegrationTests.Support;

/// <summary>Test classes that start host processes of their own run one after another, not all at once: on two shared
/// cores, several starting together took longer than a start is allowed.</summary>
[CollectionDefinition(Name)]
public sealed class HostProcesses
{
    public const string Name = "host processes";
}
