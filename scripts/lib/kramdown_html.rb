# Markdown on stdin to HTML on stdout, converted as Jekyll 4.3.1 converts a page: its
# markdown converter with Jekyll's default kramdown options (GFM input, auto ids, rouge).
require "jekyll"
require "tmpdir"

Dir.mktmpdir do |source|
  config = Jekyll.configuration(
    "quiet" => true, "source" => source, "destination" => File.join(source, "_site")
  )
  converter = Jekyll::Site.new(config).find_converter_instance(Jekyll::Converters::Markdown)
  print converter.convert($stdin.read)
end
