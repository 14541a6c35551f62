using Emulation.Awards;
using Emulation.Directory;
using Emulation.Host.Platform;
using Emulation.Monitoring;
using Emulation.Registry;
using Emulation.Review;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatform();
builder.Services.AddDirectory();
builder.Services.AddRegistry(builder.Configuration);
builder.Services.AddMonitoring(builder.Configuration);
builder.Services.AddReview(builder.Configuration);
builder.Services.AddAwards(builder.Configuration);
builder.UseMessaging(opts => opts.UseDirectory().UseRegistry().UseMonitoring().UseReview().UseAwards());

var app = builder.Build();
app.UsePlatform();

return await app.RunJasperFxCommands(args);

public partial class Program;
