using System;
using VarSave.Codecs.Surrogates;

namespace VarSave
{
    /// <summary>
    /// Saves values of a type that is neither woven nor supported (a library's <c>Color</c>, say) as a
    /// stand-in the program chooses, like pickle's <c>copyreg</c>: <c>Surrogates.Register&lt;Color, (byte R, byte G,
    /// byte B)&gt;(c =&gt; (c.R, c.G, c.B), t =&gt; Color.FromArgb(t.R, t.G, t.B))</c>. The stand-in is saved in its
    /// place wherever the value sits (fields, locals held as <c>object</c>, collections, boxed values), and the
    /// loading program's own registered function rebuilds it: a snapshot can only ever make the types the loading
    /// program registered, through code the program wrote. A class keeps its identity (one stand-in per object).
    /// Register before saving and before loading, in both programs, under the same key.
    /// </summary>
    public static class Surrogates
    {
        /// <summary>
        /// Saves every value whose run-time type is exactly <typeparamref name="T"/> as <paramref name="save"/>'s result,
        /// and rebuilds it on load with <paramref name="load"/>. The stand-in must itself be saveable (numbers, strings,
        /// tuples, supported collections, woven types). For a class, when <paramref name="load"/> runs, its stand-in and
        /// everything that refers to are loaded and filled (it must not refer back to the value it stands for). A struct's
        /// stand-in is read where the struct sits, when objects it refers to may not be filled yet: prefer plain values.
        /// </summary>
        /// <param name="save">Makes the stand-in; runs during a save.</param>
        /// <param name="load">Rebuilds the value from the stand-in; runs during a load.</param>
        /// <param name="key">The name the snapshot gives the type; by default its full name. Keep it when the type moves.</param>
        /// <exception cref="ArgumentException">The type is woven, already saved by VarSave, or already registered.</exception>
        public static void Register<T, TSurrogate>(Func<T, TSurrogate> save, Func<TSurrogate, T> load, string? key = null)
        {
            if (save == null) throw new ArgumentNullException(nameof(save));
            if (load == null) throw new ArgumentNullException(nameof(load));
            SurrogateRegistry.Add(new Surrogate(typeof(T), key ?? typeof(T).FullName ?? typeof(T).Name, typeof(TSurrogate),
                value => save((T)value), stand => load(Runtime.StateReader.Convert<TSurrogate>(stand, (key ?? typeof(T).Name) + " stand-in"))!));
        }
    }
}
