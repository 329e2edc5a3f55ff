using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace VarSave.Fody
{
    /// <summary>Small Cecil helpers the emitters share.</summary>
    internal static class CecilExtensions
    {
        /// <summary>The type as seen from inside itself: <c>Box`1&lt;!T&gt;</c> for a generic type, the definition otherwise.</summary>
        public static TypeReference SelfReference(this TypeDefinition type) =>
            type.HasGenericParameters ? type.MakeGenericInstanceType(type.GenericParameters.ToArray()) : type;

        /// <summary>A field reference usable from inside the type (generic types need the instantiated declaring type).</summary>
        public static FieldReference SelfReference(this FieldDefinition field)
        {
            var owner = field.DeclaringType;
            return owner.HasGenericParameters ? new FieldReference(field.Name, field.FieldType, owner.SelfReference()) : field;
        }

        /// <summary>The same method, declared on a (generic instance) type.</summary>
        public static MethodReference OnType(this MethodReference method, TypeReference declaringType)
        {
            var result = new MethodReference(method.Name, method.ReturnType, declaringType)
            {
                HasThis = method.HasThis,
                ExplicitThis = method.ExplicitThis,
                CallingConvention = method.CallingConvention,
            };
            foreach (var parameter in method.Parameters) result.Parameters.Add(new ParameterDefinition(parameter.ParameterType));
            foreach (var parameter in method.GenericParameters) result.GenericParameters.Add(new GenericParameter(parameter.Name, result));
            return result;
        }

        public static GenericInstanceMethod MakeGeneric(this MethodReference method, TypeReference argument)
        {
            var instance = new GenericInstanceMethod(method);
            instance.GenericArguments.Add(argument);
            return instance;
        }

        /// <summary>The type's static constructor, added (empty) if it has none.</summary>
        public static MethodDefinition StaticConstructor(this TypeDefinition type)
        {
            var existing = type.Methods.FirstOrDefault(m => m.IsConstructor && m.IsStatic);
            if (existing != null) return existing;
            var constructor = new MethodDefinition(".cctor",
                MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName,
                type.Module.TypeSystem.Void);
            constructor.Body.GetILProcessor().Emit(OpCodes.Ret);
            type.Methods.Add(constructor);
            return constructor;
        }

        public static bool HasAttribute(this ICustomAttributeProvider provider, string fullName) =>
            provider.HasCustomAttributes && provider.CustomAttributes.Any(a => a.AttributeType.FullName == fullName);

        public static bool IsCompilerGenerated(this TypeDefinition type) =>
            type.HasAttribute("System.Runtime.CompilerServices.CompilerGeneratedAttribute") || type.Name.StartsWith("<");

        /// <summary>The first sequence point at or before an instruction that touches <paramref name="field"/>, for messages with a file and line.</summary>
        public static SequencePoint? FindSequencePoint(this FieldDefinition field)
        {
            foreach (var method in field.DeclaringType.Methods.Where(m => m.HasBody))
            {
                SequencePoint? last = null;
                foreach (var instruction in method.Body.Instructions)
                {
                    var point = method.DebugInformation.GetSequencePoint(instruction);
                    if (point != null && !point.IsHidden) last = point;
                    if (instruction.Operand is FieldReference reference && reference.Name == field.Name && last != null
                        && reference.DeclaringType.Resolve() == field.DeclaringType)
                        return last;
                }
            }
            return field.DeclaringType.Methods.Where(m => m.HasBody)
                .SelectMany(m => m.DebugInformation.SequencePoints).FirstOrDefault(p => !p.IsHidden);
        }

        public static string Describe(this SequencePoint? point) =>
            point == null ? "" : $"{point.Document.Url}({point.StartLine},{point.StartColumn}): ";
    }
}
