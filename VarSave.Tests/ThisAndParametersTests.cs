using System.IO;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>
    /// <c>this</c> and the parameters of the calling method are saved with its locals; on load the parameters
    /// are assigned back and a class <c>this</c> is refilled in place (issue 11, point 6), in Debug and Release.
    /// </summary>
    public class ThisAndParametersTests
    {
        private const string GameProgram = """
            using System;
            using System.Collections.Generic;
            using static VarSave.ProgramState;

            var game = new Game();
            var alias = game;
            Console.WriteLine(game.Run(args[0], args[1], args[0] == "save" ? 7 : 0));
            Console.WriteLine($"same object: {ReferenceEquals(alias, game)}, score {alias.Score}");
            var point = new Point();
            Console.WriteLine(point.Move(args[0], args[1] + ".point", args[0] == "save" ? 3 : 0));
            Console.WriteLine($"point ({point.X},{point.Y})");

            class Game
            {
                public int Score;
                public List<string> Log = new List<string>();
                private Func<int>? _bonus;

                public string Run(string mode, string path, int level)
                {
                    if (mode == "save")
                    {
                        Score = 10 * level;
                        Log.Add("hit");
                        _bonus = () => Score + level;   // captures this and the parameter level
                        SaveToFile(path);
                        return "saved";
                    }
                    var snapshot = LoadFromFile(path);
                    Score += 1;
                    level += 1;
                    return $"mode={mode} level={level} score={Score} log={string.Join(",", Log)} bonus={_bonus!()} restored={string.Join(",", snapshot.LoadReport.RestoredLocals)}";
                }
            }

            struct Point
            {
                public int X, Y;

                public string Move(string mode, string path, int steps)
                {
                    if (mode == "save")
                    {
                        X = steps;
                        Y = 2 * steps;
                        SaveToFile(path);
                        return "saved point";
                    }
                    LoadFromFile(path);
                    return $"steps={steps}";
                }
            }
            """;

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_methods_this_is_refilled_in_place_and_its_parameters_are_assigned_back(bool release)
        {
            var directory = Processes.NewTemporaryDirectory();
            var file = Path.Combine(directory, "game.varsave");
            var program = CompiledProgram.Build(Path.Combine(directory, "program"), GameProgram, release);

            Assert.Equal("saved\nsame object: True, score 70\nsaved point\npoint (3,6)\n", program.Run(directory, "save", file));
            var loaded = program.Run(directory, "load", file);

            // The parameters took their saved values (mode is "save" again: a parameter is a local), the game's fields
            // came back into the caller's own Game, and the restored lambda shares this and level with the method.
            Assert.Equal(
                "mode=save level=8 score=71 log=hit bonus=79 restored=this,level,mode,path\n" +
                "same object: True, score 71\n" +
                "steps=3\n" +
                "point (3,6)\n",           // a struct's this is assigned like a ref parameter: the caller's variable
                loaded);
            Directory.Delete(directory, true);
        }
    }
}
