using System.Collections.Generic;
using VarSave.Codecs;
using VarSave.Runtime;

namespace VarSave.Graph
{
    /// <summary>
    /// Creates the saved delegates, each after every delegate its targets refer to. A delegate is
    /// immutable and needs its targets when it is made, and a target may itself be a delegate
    /// (<c>g.Invoke</c>, a multicast whose entries are delegates); every other kind of object
    /// exists by then. The order is a depth-first walk with an explicit stack, not recursion, so a
    /// long chain of delegates costs heap, not stack; delegates whose targets form a cycle cannot
    /// have been saved by a program and are reported as corrupt.
    /// </summary>
    internal static class DelegateOrder
    {
        private const byte Waiting = 0, Expanded = 1, Created = 2;

        public static void Create(StateReader reader, List<int> delegates)
        {
            if (delegates.Count == 0) return;
            var state = new Dictionary<int, byte>(delegates.Count);
            foreach (int id in delegates) state[id] = Waiting;
            var stack = new Stack<int>();
            var references = new List<int>();
            foreach (int first in delegates)
            {
                stack.Push(first);
                while (stack.Count > 0)
                {
                    int id = stack.Peek();
                    switch (state[id])
                    {
                        case Created:
                            stack.Pop();
                            break;
                        case Expanded:
                            // Every delegate it refers to is created by now.
                            reader.Create(id);
                            state[id] = Created;
                            stack.Pop();
                            break;
                        default:
                            state[id] = Expanded;
                            references.Clear();
                            reader.EnterRecord(id);
                            DelegateCodec.CollectTargets(reader, references);
                            foreach (int target in references)
                            {
                                if (!state.TryGetValue(target, out var targetState) || targetState == Created) continue;
                                // An expanded delegate below on the stack is one this one descends from.
                                if (targetState == Expanded) throw reader.Input.Corrupt($"delegate {id} and delegate {target} are each other's targets");
                                stack.Push(target);
                            }
                            break;
                    }
                }
            }
        }
    }
}
