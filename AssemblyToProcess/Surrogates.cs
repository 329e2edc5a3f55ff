// The program registers a surrogate for IPAddress where the weaver cannot see it (LocalScenarios.SurrogateLocal's local is saved).
[assembly: VarSave.SaveWithSurrogate(typeof(System.Net.IPAddress))]
