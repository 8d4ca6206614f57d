using System.CommandLine;
using Dvc.Engine.Cli.Commands;

namespace Dvc.Engine.Cli;

/// <summary><c>dvc</c>: validate, test, scaffold and run procedure definitions; verify a server's audit log.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>Runs one command line with the given writers (tests run the CLI in-process through this).</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error) =>
        CreateRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });

    internal static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("dvc — validate, test, scaffold and run Dvc.Engine procedure definitions.");
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(TestCommand.Create());
        root.Subcommands.Add(NewCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        return root;
    }
}
