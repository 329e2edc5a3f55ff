using System;
using System.Collections.Generic;
using System.Globalization;
using Xunit;

namespace VarSave.Tests.BclTypes
{
    /// <summary>A surrogate whose load function fails names the value's path and the registration to check.</summary>
    public class SurrogateLoadErrorTests
    {
        /// <summary>A type of this (not woven) test assembly, registered only here, so no other test sees its surrogate.</summary>
        private sealed class Temperature
        {
            public Temperature(double celsius) => Celsius = celsius < -273.15 ? throw new ArgumentOutOfRangeException(nameof(celsius), "below absolute zero") : celsius;
            public double Celsius { get; }
        }

        private struct Reading
        {
            public byte Value;
        }

        [Fact]
        public void A_struct_whose_stand_in_refers_to_objects_is_refused_when_registered_not_loaded_unfilled()
        {
            // The stand-in would be read while the struct's holder is filled, when the array may hold only zeros yet.
            var error = Assert.Throws<ArgumentException>(() => Surrogates.Register<Reading, byte[]>(r => new[] { r.Value }, b => new Reading { Value = b[0] }));
            Assert.Contains("struct Reading", error.Message);
            Assert.Contains("Base64", error.Message);
            Surrogates.Register<Reading, (byte Value, string Unit)>(r => (r.Value, "C"), t => new Reading { Value = t.Value });
            var loaded = Woven.RoundTrip(new object[] { new Reading { Value = 7 } });
            Assert.Equal(7, Assert.IsType<Reading>(Assert.IsType<object[]>(loaded)[0]).Value);
        }

        [Fact]
        public void A_load_function_that_throws_names_the_path_and_the_registration()
        {
            // Saving any value works; loading one the constructor refuses (as a damaged file's could be) throws in the program's function.
            Surrogates.Register<Temperature, double>(t => t.Celsius == 0 ? -300 : t.Celsius, celsius => new Temperature(celsius));
            var loaded = Woven.RoundTrip(new List<object> { new Temperature(21.5) });
            Assert.Equal(21.5, Assert.IsType<Temperature>(Assert.IsType<List<object>>(loaded)[0]).Celsius);

            var snapshot = Woven.Save(new List<object> { "first", new Temperature(0) });
            var error = Assert.Throws<VarSaveException>(() => ProgramState.LoadEverything(Snapshot.FromBytes(snapshot.ToArray())));
            Assert.StartsWith("Cannot load static AssemblyToProcess.Roots.Current -> object ", error.Message);
            Assert.Contains("+Temperature): the surrogate registered for", error.Message);
            Assert.Contains("ArgumentOutOfRangeException", error.Message);
            Assert.Contains("VarSave.Surrogates.Register<Temperature, Double>", error.Message);
        }
    }
}
