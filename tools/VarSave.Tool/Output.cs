using System;
using Spectre.Console;

namespace VarSave.Tool
{
    /// <summary>The console the commands write to. Redirected output gets plain text, wide enough not to wrap paths.</summary>
    internal static class Output
    {
        private static IAnsiConsole? _console;

        public static IAnsiConsole Console => _console ??= Create();

        private static IAnsiConsole Create()
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Out) });
            if (System.Console.IsOutputRedirected) console.Profile.Width = 240;
            return console;
        }
    }

    /// <summary>Runs a command's body: a clear one-line error and exit code 1 for anything that goes wrong, never a stack trace.</summary>
    internal static class Runner
    {
        public static int Run(Func<int> body)
        {
            try
            {
                return body();
            }
            catch (ToolError e)
            {
                return Fail(e.Message);
            }
            catch (VarSaveException e)
            {
                return Fail(e.Message);
            }
            catch (OutOfMemoryException)
            {
                return Fail("out of memory while reading the snapshot.");
            }
            catch (Exception e) when (!(e is StackOverflowException))
            {
                return Fail($"{e.GetType().Name}: {e.Message}");
            }
        }

        private static int Fail(string message)
        {
            System.Console.Out.Flush();
            // One line, and nothing from the file can drive the terminal: control characters become '?'.
            var line = new System.Text.StringBuilder("varsave: error: ");
            foreach (char c in message) line.Append(char.IsControl(c) ? (c == '\n' ? ' ' : '?') : c);
            System.Console.Error.WriteLine(line.ToString());
            return 1;
        }
    }
}
