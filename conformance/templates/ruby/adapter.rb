#!/usr/bin/env ruby
# frozen_string_literal: true

# Conformance adapter template (conformance/PROTOCOL.md 1.1) around minitoken.rb.
#   java -jar countersign-conformance.jar --adapter "ruby conformance/templates/ruby/adapter.rb"
# Copy it, replace the calls into MiniToken with calls into your library, and answer
# "unsupported" for whatever your library does not have.
require 'json'
require_relative 'minitoken'

IMPLEMENTATION = 'template-ruby 1.1' # your port's name and version; never "official-..."
BUILDERS = %w[RtcTokenBuilder2.buildTokenWithUid RtmTokenBuilder2.buildToken].freeze

class Fail < StandardError
  attr_reader :code

  def initialize(code, message)
    super(message)
    @code = code
  end
end

def unsupported(message) = Fail.new('unsupported', message)

def field(obj, name, type)
  value = obj.is_a?(Hash) ? obj[name] : nil
  raise Fail.new('bad-request', "\"#{name}\" must be a #{type.name.downcase}") unless value.is_a?(type)

  value
end

# A byte string as PROTOCOL.md section 5 carries it: UTF-8 text, else {"hex"}.
def text_of(bytes)
  text = bytes.dup.force_encoding('UTF-8')
  text.valid_encoding? ? text : { 'hex' => bytes.unpack1('H*') }
end

def only_007(token)
  raise unsupported('only 007 tokens') if token.start_with?('006', '005', '1:', 'NETLESS')
end

def hello(_req)
  { 'implementation' => IMPLEMENTATION, 'version' => '1.1', 'ops' => %w[hello build decode verify],
    'schemes' => ['007'], 'builders' => BUILDERS }
end

def build(req)
  builder = field(req, 'builder', String)
  args = field(req, 'args', Hash)
  raise unsupported("no builder #{builder}") unless BUILDERS.include?(builder)

  now = field(req, 'now', Integer)
  salt = field(req, 'salt', Integer)
  if builder == 'RtmTokenBuilder2.buildToken'
    return { 'token' => MiniToken.build_rtm_token(field(args, 'appId', String), field(args, 'appCertificate', String),
                                                  field(args, 'userId', String), field(args, 'expire', Integer), now, salt) }
  end

  token_expire = field(args, 'tokenExpire', Integer)
  # One lifetime for the token and its privileges in this library: any other request is
  # answered "unsupported", per request (an absent privilegeExpire means 0).
  raise unsupported('privilegeExpire must equal tokenExpire in this library') if args.fetch('privilegeExpire', 0) != token_expire

  role = field(args, 'role', Integer)
  raise Fail.new('invalid-argument', 'role must be 1 (publisher) or 2 (subscriber)') unless [1, 2].include?(role)

  { 'token' => MiniToken.build_rtc_token(field(args, 'appId', String), field(args, 'appCertificate', String),
                                         field(args, 'channelName', String), field(args, 'uid', Integer),
                                         role == 1, token_expire, now, salt) }
end

def decode(req)
  token = field(req, 'token', String)
  only_007(token)
  t = MiniToken.decode(token)
  services = t.services.map do |type, privileges, fields|
    s = { 'type' => type, 'privileges' => privileges.to_h { |k, v| [k.to_s, v] } }
    if type == MiniToken::RTC
      s.merge('channelName' => text_of(fields[0]), 'uid' => text_of(fields[1]))
    else
      s.merge('userId' => text_of(fields[0]))
    end
  end
  content = { 'scheme' => '007', 'appId' => text_of(t.app_id), 'issueTs' => t.issue_ts, 'expire' => t.expire,
              'salt' => t.salt, 'services' => services, 'signature' => t.signature.unpack1('H*') }
  content['unparsedHex'] = t.unparsed.unpack1('H*') unless t.unparsed.empty?
  { 'content' => content }
end

def verify(req)
  token = field(req, 'token', String)
  secret = field(req, 'secret', String)
  only_007(token)
  { 'valid' => MiniToken.verify(token, secret) }
end

OPS = { 'hello' => method(:hello), 'build' => method(:build), 'decode' => method(:decode), 'verify' => method(:verify) }.freeze

def handle(line)
  begin
    req = JSON.parse(line)
  rescue JSON::ParserError
    return { 'id' => nil, 'ok' => false, 'error' => { 'code' => 'bad-request', 'message' => 'not JSON' } }
  end
  return { 'id' => nil, 'ok' => false, 'error' => { 'code' => 'bad-request', 'message' => 'not a JSON object' } } unless req.is_a?(Hash)

  id = req['id'].is_a?(String) ? req['id'] : nil
  begin
    op = OPS[req['op']] or raise unsupported("no op #{req['op'].inspect}")
    { 'id' => id, 'ok' => true }.merge(op.call(req))
  rescue Fail => e
    { 'id' => id, 'ok' => false, 'error' => { 'code' => e.code, 'message' => e.message } }
  rescue MiniToken::TokenError => e
    { 'id' => id, 'ok' => false, 'error' => { 'code' => 'malformed', 'message' => e.message } }
  rescue MiniToken::NotImplementedHere => e
    { 'id' => id, 'ok' => false, 'error' => { 'code' => 'unsupported', 'message' => e.message } }
  rescue MiniToken::ArgumentError => e
    { 'id' => id, 'ok' => false, 'error' => { 'code' => 'invalid-argument', 'message' => e.message } }
  rescue StandardError => e # a bug in the library: say so, keep serving
    { 'id' => id, 'ok' => false, 'error' => { 'code' => 'crashed', 'message' => e.inspect } }
  end
end

$stdout.sync = true
$stdin.each_line { |line| $stdout.write(JSON.generate(handle(line)) + "\n") }
