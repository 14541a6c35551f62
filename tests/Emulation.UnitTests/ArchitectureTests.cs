using System.Reflection;
using NetArchTest.Rules;

namespace Emulation.UnitTests;

/// <summary>Modules meet only through Contracts (integration events) and the Kernel (shared plumbing).</summary>
public sealed class ArchitectureTests
{
    static readonly Assembly[] Modules = [typeof(Directory.DirectoryModule).Assembly, typeof(Registry.RegistryModule).Assembly,
        typeof(Monitoring.MonitoringModule).Assembly, typeof(Review.ReviewModule).Assembly, typeof(Awards.AwardsModule).Assembly];

    public static TheoryData<string> ModuleNames => new(Modules.Select(m => m.GetName().Name!));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_does_not_reference_another_module(string module)
    {
        var assembly = Modules.Single(m => m.GetName().Name == module);
        var others = Modules.Where(m => m != assembly).Select(m => m.GetName().Name!).ToArray();
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), r => others.Contains(r.Name));
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(others).GetResult();
        Assert.True(result.IsSuccessful, "depends on another module: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Contracts_hold_only_records_and_code_lists_and_depend_on_nothing_of_ours()
    {
        var contracts = typeof(Contracts.UnitUpdated).Assembly;
        Assert.DoesNotContain(contracts.GetReferencedAssemblies(), r => r.Name!.StartsWith("Emulation."));
        Assert.All(contracts.GetExportedTypes(), t =>
            Assert.True(t.GetMethod("<Clone>$") is not null || t is { IsAbstract: true, IsSealed: true },
                $"{t.Name} should be a record (an integration event) or a static list of the codes they carry"));
    }

    [Theory]
    [InlineData("Emulation.Kernel")]
    [InlineData("Emulation.Scope")]
    [InlineData("Emulation.Documents")]
    public void Shared_libraries_know_no_module(string library)
    {
        var assembly = System.Reflection.Assembly.Load(library);
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), r => r.Name is "Emulation.Directory" or "Emulation.Registry" or "Emulation.Monitoring" or "Emulation.Review" or "Emulation.Awards" or "Emulation.Host");
    }

    [Fact]
    public void The_kernel_holds_no_domain_words()
    {
        var kernel = typeof(Kernel.Web.PageLayout).Assembly;
        var names = kernel.GetExportedTypes().Select(t => t.Name).ToList();
        Assert.DoesNotContain("Roles", names);
        Assert.DoesNotContain("StandardLevels", names);
        Assert.DoesNotContain("Demo", names);
    }

    [Fact]
    public void Pages_live_with_their_feature_not_in_a_pages_folder()
    {
        var pages = Modules.SelectMany(m => m.GetTypes())
            .Where(t => typeof(Microsoft.AspNetCore.Components.IComponent).IsAssignableFrom(t) && t.Name.EndsWith("Page")).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, t => Assert.False(t.Namespace!.EndsWith(".Pages"), $"{t.FullName} should sit in its feature's folder"));
    }

    [Fact]
    public void Handlers_and_endpoints_are_public_so_wolverine_finds_them()
    {
        var hidden = Modules.SelectMany(m => m.GetTypes())
            .Where(t => t.Name.EndsWith("Endpoint") || t.Name.EndsWith("Endpoints") || t.Name.EndsWith("Handler"))
            .Where(t => !t.IsPublic && !t.IsNested).Select(t => t.FullName).ToList();
        Assert.Empty(hidden);
    }
}
