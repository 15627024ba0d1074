using System.CommandLine;

namespace Hearsay.Cli;

/// <summary>
/// One `hearsay` sub-command. Program finds every implementation in this assembly, so adding a command
/// is adding one file under Commands/.
/// </summary>
public interface ICliCommand
{
    /// <summary>Position in the help listing.</summary>
    int Order { get; }
    Command Create();
}
