global using Xunit;
global using Emulation.IntegrationTests.Support;
