using System.CommandLine;
using System.Reflection;
using Hearsay.Cli;

var root = new RootCommand("Hearsay: who said what, according to whom, in news articles.");
var commands = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
    .OrderBy(c => c.Order);
foreach (var command in commands) root.Subcommands.Add(command.Create());
return await root.Parse(args).InvokeAsync();
