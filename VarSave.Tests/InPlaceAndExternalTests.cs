using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace VarSave.Tests
{
    /// <summary>In-place loads keep the objects the program already holds; external references are saved by key.</summary>
    public class InPlaceAndExternalTests
    {
        [Fact]
        public void An_in_place_load_fills_the_objects_statics_already_hold()
        {
            dynamic hero = Woven.New("Game.Character", "Hero");
            dynamic target = Woven.New("Game.Character", "Target");
            hero.Target = target;
            hero.Inventory.Add("sword");
            object outsideHolder = hero;            // say, a UI that shows the hero
            object inventory = hero.Inventory;
            var snapshot = Woven.Save((object)hero);
            hero.Name = "changed";
            hero.Inventory.Clear();
            hero.Inventory.Add("junk");
            target.Name = "changed too";
            Woven.SetStatic("Roots", "Current", (object)hero);

            try
            {
                ProgramState.LoadEverything(snapshot, new LoadOptions { InPlace = true });

                var current = Woven.GetStatic("Roots", "Current");
                Assert.Same(outsideHolder, current);
                Assert.Equal("Hero", (string)hero.Name);
                Assert.Same(inventory, hero.Inventory);
                Assert.Equal(new[] { "sword" }, (System.Collections.Generic.List<string>)hero.Inventory);
                Assert.Same(target, hero.Target);
                Assert.Equal("Target", (string)target.Name);
            }
            finally { Woven.SetStatic("Roots", "Current", null); }
        }

        [Fact]
        public void A_plain_load_replaces_the_objects()
        {
            dynamic hero = Woven.New("Game.Character", "Hero");
            var snapshot = Woven.Save((object)hero);
            Woven.SetStatic("Roots", "Current", (object)hero);
            ProgramState.LoadEverything(snapshot);
            Assert.NotSame(hero, Woven.GetStatic("Roots", "Current"));
            Woven.SetStatic("Roots", "Current", null);
        }

        [Fact]
        public void External_objects_are_saved_by_key_and_resolved_on_load()
        {
            var service = new MemoryStream();
            var replacement = new MemoryStream();
            dynamic holder = Woven.New("Holder");
            holder.Anything = service;
            try
            {
                ProgramState.ExternalReferences = new Services(service, replacement);
                var snapshot = Woven.Save((object)holder);

                var restored = Woven.RoundTripSnapshot(snapshot);
                Assert.Same(replacement, ((dynamic)restored!).Anything);

                ProgramState.ExternalReferences = null;
                var error = Assert.Throws<SnapshotMismatchException>(() => ProgramState.LoadEverything(snapshot));
                Assert.Contains("'log-stream'", error.Message);
            }
            finally
            {
                ProgramState.ExternalReferences = null;
                Woven.SetStatic("Roots", "Current", null);
            }
        }

        [Fact]
        public void An_external_delegate_target_is_resolved_once_per_load()
        {
            var savedList = new List<string>();
            var loadedList = new List<string>();
            var adder = Woven.Call("ForeignDelegate", "AdderOf", savedList);
            var services = new Services(savedList, loadedList);
            try
            {
                ProgramState.ExternalReferences = services;
                var restored = (Action<string>)Woven.RoundTrip(adder)!;
                restored("key");
                Assert.Equal(new[] { "key" }, loadedList);
                Assert.Equal(1, services.Resolutions);
            }
            finally
            {
                ProgramState.ExternalReferences = null;
            }
        }

        private sealed class Services : IExternalReferences
        {
            private readonly object _saved;
            private readonly object _loaded;

            public Services(object saved, object loaded)
            {
                _saved = saved;
                _loaded = loaded;
            }

            public string? KeyOf(object value) => ReferenceEquals(value, _saved) ? "log-stream" : null;

            public int Resolutions { get; private set; }

            public object Resolve(string key)
            {
                Resolutions++;
                return key == "log-stream" ? _loaded : throw new ArgumentException(key);
            }
        }
    }
}
