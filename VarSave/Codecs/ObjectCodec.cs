using System;
using VarSave.Graph;
using VarSave.Runtime;

namespace VarSave.Codecs
{
    /// <summary>
    /// Writes and rebuilds one kind of reference object. Loading is two steps so that cycles
    /// work: <see cref="Create"/> makes every object empty first, then <see cref="Fill"/>
    /// reads the same payload again with every reference already resolvable.
    /// </summary>
    internal abstract class ObjectCodec
    {
        /// <summary>Writes the object's payload.</summary>
        public abstract void Write(object value, StateWriter writer);

        /// <summary>Reads as much of the payload as creating an empty instance needs (a length, a count); a <see cref="CreationPhase.Built"/> codec reads it all.</summary>
        public abstract object Create(StateReader reader, LoadedType type);

        /// <summary>Reads the whole payload into the instance <see cref="Create"/> made.</summary>
        public abstract void Fill(object instance, StateReader reader, LoadedType type);

        /// <summary>
        /// Reads the payload without creating anything and hands every object it refers to to
        /// <paramref name="scan"/>, so a load creates only what its roots reach. Must see exactly
        /// the references <see cref="Fill"/> and <see cref="Create"/> resolve.
        /// </summary>
        public abstract void ScanReferences(StateReader reader, LoadedType type, ReferenceScan scan);

        /// <summary>Hash- and order-based collections are filled after every other object, so their keys are complete.</summary>
        public virtual bool FillsLate => false;

        /// <summary>Whether an in-place load may fill a live object of this kind (after <see cref="Reset"/>) instead of creating one.</summary>
        public virtual bool FillsInPlace => false;

        /// <summary>Empties a live object before an in-place load fills it.</summary>
        public virtual void Reset(object instance) { }

        /// <summary>When <see cref="Create"/> runs: hash collections need their comparers to exist; delegates their targets, whatever those are.</summary>
        public virtual CreationPhase Phase => FillsLate ? CreationPhase.Collections : CreationPhase.Objects;
    }

    /// <summary>The order in which kinds of objects are created while loading.</summary>
    internal enum CreationPhase
    {
        Objects,
        Collections,
        /// <summary>Last, each after the delegates its targets are (<see cref="Graph.DelegateOrder"/>).</summary>
        Delegates,
        /// <summary>
        /// Built whole from a record whose contents must exist first (immutable and frozen collections, surrogate
        /// classes): not made with the others, but while objects are filled, in dependency order (<see cref="Graph.BuildOrder"/>).
        /// </summary>
        Built,
    }
}
