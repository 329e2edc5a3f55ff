using System.Collections.Generic;
using System.Text;
using VarSave.Codecs;
using VarSave.Runtime;

namespace VarSave.Graph
{
    /// <summary>
    /// Fills the objects and builds the built ones (immutable and frozen collections, surrogate classes, and
    /// delegates) in an order where everything each needs is there, when a snapshot holds built objects. Such
    /// an object needs its contents when it is made; an ordinary object needs the built objects it holds to
    /// exist before its fields are assigned. Three kinds of step, over the records the roots reach:
    /// <list type="bullet">
    /// <item><b>Fill(o)</b> of an ordinary object: after Build of every built object it refers to.</item>
    /// <item><b>Build(b)</b>: after Build of every built object it refers to, and Complete of every ordinary
    /// object its keys refer to (set items, dictionary keys, comparers, a surrogate's stand-in): those are hashed,
    /// compared or handed to the program when it is built. Values and list items only need to exist.</item>
    /// <item><b>Complete(o)</b>: Fill(o), then Complete of every ordinary object o refers to; a cycle of
    /// Completes is fine (every object in it is filled), so a Complete already under way is not waited for.</item>
    /// </list>
    /// Any other step already under way is a cycle no order can satisfy: a cycle of built objects alone cannot
    /// come from a program (the file is corrupt); one through a key (a key object that refers back to the
    /// immutable set holding it) is refused with what to change. Depth-first with an explicit stack, never
    /// recursion; each record is scanned at most twice (for Fill or Build, and for Complete), so O(n).
    /// Mutable hash and sorted collections are not steps: they exist already and are filled after all of this.
    /// </summary>
    internal sealed class BuildOrder
    {
        private const byte Waiting = 0, Expanded = 1, Done = 2;
        private const byte Skip = 0, Ordinary = 1, Built = 2;

        private readonly StateReader _reader;
        private readonly byte[] _kind;
        private readonly byte[] _step;
        private readonly byte[] _complete;
        private readonly List<(int Id, bool Complete)> _stack = new List<(int, bool)>();
        // The steps under way, outermost first: the chain a cycle is reported with.
        private readonly List<(int Id, bool Complete)> _path = new List<(int, bool)>();
        private readonly List<(int Id, bool Key)> _references = new List<(int, bool)>();
        private readonly ReferenceScan _scan;

        private BuildOrder(StateReader reader)
        {
            _reader = reader;
            int count = reader.ObjectCount;
            _kind = new byte[count];
            _step = new byte[count];
            _complete = new byte[count];
            _scan = ReferenceScan.Collecting(_references);
            for (int id = 0; id < count; id++) _kind[id] = KindOf(id);
        }

        private byte KindOf(int id)
        {
            if (!_reader.IsReached(id)) return Skip;
            var type = _reader.TypeOfRecord(id);
            if (type.Type == null || type.Codec.FillsLate) return Skip;
            var phase = type.Codec.Phase;
            return phase == CreationPhase.Built || phase == CreationPhase.Delegates ? Built : Ordinary;
        }

        /// <summary>Fills every reached ordinary object that does not fill late and builds every built one.</summary>
        public static void Run(StateReader reader)
        {
            var order = new BuildOrder(reader);
            for (int id = 0; id < reader.ObjectCount; id++)
                if (order._kind[id] != Skip) order.Drain(id);
        }

        private void Drain(int first)
        {
            _stack.Add((first, false));
            while (_stack.Count > 0)
            {
                var (id, complete) = _stack[_stack.Count - 1];
                var state = complete ? _complete : _step;
                switch (state[id])
                {
                    case Done:
                        _stack.RemoveAt(_stack.Count - 1);
                        break;
                    case Expanded:
                        // Everything it waited for is done.
                        if (!complete)
                        {
                            if (_kind[id] == Built) _reader.Create(id);
                            else _reader.FillRecord(id);
                        }
                        state[id] = Done;
                        _stack.RemoveAt(_stack.Count - 1);
                        _path.RemoveAt(_path.Count - 1);
                        break;
                    default:
                        state[id] = Expanded;
                        _path.Add((id, complete));
                        Expand(id, complete);
                        break;
                }
            }
        }

        private void Expand(int id, bool complete)
        {
            _references.Clear();
            _scan.InKey = false;
            _reader.EnterRecord(id);
            var type = _reader.TypeOfRecord(id);
            type.Codec.ScanReferences(_reader, type, _scan);
            bool built = _kind[id] == Built;
            foreach (var (reference, key) in _references)
            {
                byte kind = _kind[reference];
                if (kind == Built) Need(reference, false, id);
                // An ordinary object exists already; it must be complete only when it is (part of) a key, or when a key holds it.
                else if (kind == Ordinary && (complete || (built && key))) Need(reference, true, id);
            }
            // Pushed last, so done first: a Complete under way has its own Fill done, which makes cycles of Completes safe.
            if (complete) Need(id, false, id);
        }

        private void Need(int id, bool complete, int from)
        {
            var state = complete ? _complete : _step;
            if (state[id] == Done) return;
            if (state[id] == Expanded)
            {
                // A cycle of Completes only: every object in it is filled once its own Fill is.
                if (complete && _step[id] == Done) return;
                throw Cycle(id, complete, from);
            }
            _stack.Add((id, complete));
        }

        private VarSaveException Cycle(int id, bool complete, int from)
        {
            int start = _path.LastIndexOf((id, complete));
            if (start < 0) start = _path.FindLastIndex(step => step.Id == id);
            var chain = new StringBuilder();
            int builtId = -1;
            bool builtOnly = true;
            for (int i = start < 0 ? _path.Count - 1 : start; i < _path.Count; i++)
            {
                var step = _path[i];
                if (chain.Length > 0 && step.Id == _path[i - 1].Id) continue;
                if (chain.Length > 0) chain.Append(" -> ");
                chain.Append(_reader.Describe(step.Id));
                if (_kind[step.Id] == Built) { if (builtId < 0) builtId = step.Id; }
                else builtOnly = false;
            }
            if (from != id) chain.Append(" -> ").Append(_reader.Describe(id));
            if (builtId < 0) builtId = id;
            if (builtOnly)
                return new SnapshotFormatException($"The snapshot is corrupt: {chain} hold each other, and immutable collections and delegates are made from what they hold, so no program can make that cycle.");
            return new VarSaveException(
                $"Cannot load {_reader.PathTo(builtId)}: it is built from its contents, and a key it hashes or orders refers back to it ({chain}). " +
                "An immutable or frozen set or dictionary (or a surrogate's stand-in) needs its keys complete before it is made, and these keys cannot be completed before it exists. " +
                "Keep the back reference out of the key (mark that field [Transient] and set it again in an [AfterLoad] method), or hold these keys in a HashSet or Dictionary instead.");
        }
    }
}
