using System.CommandLine;
using Dvc.Engine.Cli.Commands;

namespace Dvc.Engine.Cli;

/// <summary><c>dvc</c>: validate, test, scaffold and run procedure definitions.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>Runs one command line with the given writers (tests run the CLI in-process through this).</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return CreateRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Definitions are untrusted input: whatever one makes go wrong is reported as a line, never as a stack trace.
            error.WriteLine($"error: {ex.Message}");
            return 70;
        }
    }

    internal static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("dvc — validate, test, scaffold and run Dvc.Engine procedure definitions.");
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(TestCommand.Create());
        root.Subcommands.Add(NewCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        return root;
    }
}
