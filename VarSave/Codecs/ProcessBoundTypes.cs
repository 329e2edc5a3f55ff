namespace VarSave.Codecs
{
    /// <summary>
    /// Types tied to the process that made them (handles, threads, I/O, timers, reflection): a saved copy could
    /// never work in another process, so the advice is to leave them out and make new ones after loading, not
    /// to register a stand-in. Subclasses count too. One list for the weaver's build messages (which links this
    /// file) and the runtime's save errors; names as both Cecil and reflection spell a top-level type.
    /// </summary>
    internal static class ProcessBoundTypes
    {
        public static readonly string[] FullNames =
        {
            "System.IO.Stream", "System.IO.TextReader", "System.IO.TextWriter", "System.Threading.Thread", "System.Threading.Tasks.Task",
            "System.Threading.Tasks.Task`1", "System.Threading.Tasks.ValueTask", "System.Threading.Tasks.ValueTask`1",
            "System.Net.Sockets.Socket", "System.Runtime.InteropServices.SafeHandle", "System.Threading.WaitHandle",
            "System.Diagnostics.Process", "System.Threading.Timer", "System.Timers.Timer", "System.Net.Http.HttpClient",
            "System.Net.Http.HttpMessageInvoker", "System.Threading.CancellationTokenSource", "System.Threading.CancellationToken",
            "System.IntPtr", "System.UIntPtr", "System.Span`1", "System.ReadOnlySpan`1", "System.Reflection.MemberInfo",
            "System.Reflection.Assembly", "System.Reflection.Module",
        };

        /// <summary>Why values of this kind cannot be saved, in the words both messages use.</summary>
        public const string Reason = "is tied to this process (a handle, thread, stream or timer)";
    }
}
