using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace VarSave.Tests.BclTypes
{
    /// <summary>A refused value's message gives advice that applies to where it sits and what it is.</summary>
    public class UnsaveableAdviceTests
    {
        [Fact]
        public void A_local_is_told_to_be_cleared_not_marked_Transient()
        {
            VarSave.Runtime.CallSite.Capture(new MemoryStream(), "log");
            var error = Assert.Throws<UnsaveableObjectException>(() => ProgramState.SaveEverything());
            Assert.Equal("local log", error.ObjectPath);
            Assert.Contains("set the local to null", error.Message);
            Assert.DoesNotContain("mark the field", error.Message);
        }

        [Fact]
        public void A_field_holding_a_BCL_type_is_told_to_mark_the_field_not_to_weave_the_BCL()
        {
            var error = Assert.Throws<UnsaveableObjectException>(() => Woven.Save(new System.Net.Cookie("name", "value")));
            Assert.Contains("Cookie is a .NET type VarSave does not save", error.Message);
            Assert.Contains("mark the field [Transient]", error.Message);
            Assert.DoesNotContain("weave the assembly", error.Message);
        }

        [Fact]
        public void An_unevaluated_LINQ_query_is_told_to_be_materialised()
        {
            var query = new List<int> { 1, 2 }.Where(x => x > 1);
            var error = Assert.Throws<UnsaveableObjectException>(() => Woven.Save(query));
            Assert.Contains("LINQ query that was never run", error.Message);
            Assert.Contains("ToList()", error.Message);
        }

        [Fact]
        public void A_type_of_a_library_that_is_not_woven_is_told_to_weave_its_assembly_or_register_a_surrogate()
        {
            // This test assembly is neither woven nor .NET's: its types are a library's.
            var error = Assert.Throws<UnsaveableObjectException>(() => Woven.Save(new LibraryValue()));
            Assert.Equal("static AssemblyToProcess.Roots.Current", error.ObjectPath);
            Assert.Contains("weave the assembly that defines it (VarSave.Tests), or register a stand-in with VarSave.Surrogates.Register", error.Message);
            Assert.DoesNotContain(".NET type", error.Message);
            Assert.Contains("mark the field [Transient]", error.Message);
        }

        [Fact]
        public void An_element_is_told_to_be_kept_out_of_the_collection_or_skipped()
        {
            var error = Assert.Throws<UnsaveableObjectException>(() => Woven.Save(new List<object> { 1, new MemoryStream() }));
            Assert.EndsWith("[1]", error.ObjectPath);
            Assert.Contains("keep it out of the collection while saving", error.Message);
            Assert.Contains("SaveOptions.SkipUnsaveable", error.Message);
            Assert.DoesNotContain("set the local to null", error.Message);
        }

        private sealed class LibraryValue
        {
        }

        [Fact]
        public void A_type_tied_to_the_process_is_told_to_be_made_again_after_loading_not_given_a_surrogate()
        {
            var error = Assert.Throws<UnsaveableObjectException>(() => Woven.Save(new System.Threading.CancellationTokenSource()));
            Assert.Contains("CancellationTokenSource is tied to this process", error.Message);
            Assert.Contains("mark the field [Transient]", error.Message);
            Assert.Contains("[AfterLoad]", error.Message);
            Assert.DoesNotContain("Surrogates.Register", error.Message);
        }

        [Fact]
        public void An_auto_property_is_told_to_use_the_field_target()
        {
            Assert.Equal("Or leave it out: mark the property Day [field: Transient] (VarSave.Transient).",
                VarSave.Codecs.UnsaveableAdvice.For(typeof(System.Net.Cookie), isLocal: false, "<Day>k__BackingField", isElement: false).Split(". ").Last());
        }
    }
}
