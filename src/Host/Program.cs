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
builder.UseMessaging(opts => opts.UseDirectory().UseRegistry().UseMonitoring().UseReview());

var app = builder.Build();
app.UsePlatform();

return await app.RunJasperFxCommands(args);

public partial class Program;
