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
        /// everything it refers to are loaded and filled (it must not refer back to the value it stands for). A struct's
        /// stand-in is read where the struct sits, when objects would not be filled yet, so it must be a plain value
        /// (numbers, strings, enums, tuples or structs of them).
        /// </summary>
        /// <param name="save">Makes the stand-in; runs during a save.</param>
        /// <param name="load">Rebuilds the value from the stand-in; runs during a load.</param>
        /// <param name="key">The name the snapshot gives the type; by default its full name. Keep it when the type moves.</param>
        /// <exception cref="ArgumentException">The type is woven, already saved by VarSave, or already registered; or a struct's stand-in refers to objects.</exception>
        public static void Register<T, TSurrogate>(Func<T, TSurrogate> save, Func<TSurrogate, T> load, string? key = null)
        {
            if (save == null) throw new ArgumentNullException(nameof(save));
            if (load == null) throw new ArgumentNullException(nameof(load));
            if (typeof(T).IsValueType && !SurrogateRegistry.IsPlainValue(typeof(TSurrogate), depth: 0))
                throw new ArgumentException($"The stand-in of the struct {typeof(T).Name} is read where the struct sits, before the objects it refers to are filled, " +
                    $"so it must be a value of numbers, strings, enums and tuples or structs of them; {typeof(TSurrogate).Name} refers to objects. " +
                    "Use such a value (bytes as a Base64 string, say).", nameof(load));
            SurrogateRegistry.Add(new Surrogate(typeof(T), key ?? typeof(T).FullName ?? typeof(T).Name, typeof(TSurrogate),
                value => save((T)value), stand => load(Runtime.StateReader.Convert<TSurrogate>(stand, (key ?? typeof(T).Name) + " stand-in"))!));
        }
    }
}
