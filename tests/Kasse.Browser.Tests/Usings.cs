global using Xunit;
global using Microsoft.Playwright;
global using Kasse.Browser.Tests.Infrastructure;
