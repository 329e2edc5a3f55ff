using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace AssemblyToProcess
{
    // Woven classes over BCL bases (issue 12): their base part is saved by the base's codec.
    public class Tally : Dictionary<string, int>
    {
        public int Version;
        public Tally() : base(StringComparer.OrdinalIgnoreCase) { }
    }

    public class Deck : List<string>
    {
        public string Owner = "";
    }

    public class Journal : ObservableCollection<string>
    {
        public int Limit;
    }

    public class GameError : InvalidOperationException
    {
        public int Code;
        public GameError(string message, Exception inner) : base(message, inner) { }
    }
}
