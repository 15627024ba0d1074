using Hearsay.Cli;

return await HearsayCli.RunAsync(args);
