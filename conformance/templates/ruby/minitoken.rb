# frozen_string_literal: true

# A deliberately small AccessToken2 (007) library: the "port" this adapter template wraps.
# It builds RTC tokens with one lifetime for the token and its privileges, builds RTM tokens,
# and decodes and verifies 007 tokens whose services are RTC (1) or RTM (2).
require 'openssl'
require 'zlib'

module MiniToken
  RTC = 1
  RTM = 2
  MAX_INFLATED = 1 << 20

  class TokenError < StandardError; end         # a token this library cannot decode
  class NotImplementedHere < StandardError; end # valid, but not in this small library
  class ArgumentError < StandardError; end      # inputs this library refuses

  Token = Struct.new(:app_id, :issue_ts, :expire, :salt, :services, :unparsed, :signature, :signed)

  module_function

  def u32(name, value)
    raise ArgumentError, "#{name} must be a u32" unless value.is_a?(Integer) && value.between?(0, 0xFFFFFFFF)

    [value].pack('V')
  end

  def string(bytes)
    bytes = bytes.b
    raise ArgumentError, 'a string longer than 65535 bytes' if bytes.bytesize > 0xFFFF

    [bytes.bytesize].pack('v') + bytes
  end

  def hex32(name, value)
    raise ArgumentError, "#{name} must be 32 hex characters" unless value.b.match?(/\A[0-9a-fA-F]{32}\z/)
  end

  def hmac(key, data)
    OpenSSL::HMAC.digest('SHA256', key, data)
  end

  def signing_key(cert, issue_ts, salt)
    hmac(u32('salt', salt), hmac(u32('issueTs', issue_ts), cert.b))
  end

  # services: [[type, {privilege => expire}, [field bytes...]]], packed sorted by type.
  def encode(app_id, cert, issue_ts, expire, salt, services)
    hex32('appId', app_id)
    hex32('appCertificate', cert)
    info = string(app_id) + u32('issueTs', issue_ts) + u32('expire', expire) + u32('salt', salt) +
           [services.size].pack('v')
    services.sort_by.with_index { |s, i| [s[0], i] }.each do |type, privileges, fields|
      info += [type, privileges.size].pack('vv')
      privileges.sort.each { |k, v| info += [k].pack('v') + u32('privilege', v) }
      fields.each { |f| info += string(f) }
    end
    signature = hmac(signing_key(cert, issue_ts, salt), info)
    '007' + [Zlib::Deflate.deflate(string(signature) + info)].pack('m0')
  end

  def build_rtc_token(app_id, cert, channel_name, uid, publisher, expire, now, salt)
    u32('uid', uid)
    privileges = { 1 => expire }
    [2, 3, 4].each { |p| privileges[p] = expire } if publisher
    encode(app_id, cert, now, expire, salt, [[RTC, privileges, [channel_name, uid.zero? ? '' : uid.to_s]]])
  end

  def build_rtm_token(app_id, cert, user_id, expire, now, salt)
    encode(app_id, cert, now, expire, salt, [[RTM, { 1 => expire }, [user_id]]])
  end

  def inflate(token)
    raise TokenError, 'no 007 prefix' unless token.start_with?('007')

    begin
      raw = token[3..].unpack1('m0')
    rescue ::ArgumentError
      raise TokenError, 'not padded standard base64'
    end
    raise TokenError, 'not padded standard base64' if raw.empty? || [raw].pack('m0') != token[3..]

    z = Zlib::Inflate.new
    out = +''
    begin
      z.inflate(raw) { |chunk| out << chunk; raise TokenError, "inflates past #{MAX_INFLATED} bytes" if out.bytesize > MAX_INFLATED }
      raise TokenError, 'a truncated zlib stream' unless z.finished?
      raise TokenError, 'bytes after the zlib stream' unless z.total_in == raw.bytesize
    rescue Zlib::Error => e
      raise TokenError, "zlib: #{e.message}"
    ensure
      z.close
    end
    out.b
  end

  # Services of types 3..10 raise NotImplementedHere; a type outside 1..10 ends the services
  # and the rest is "unparsed".
  def decode(token)
    data = inflate(token)
    at = 0
    take = lambda do |n|
      raise TokenError, "a length runs past the end at byte #{at}" if at + n > data.bytesize

      at += n
      data.byteslice(at - n, n)
    end
    u16 = -> { take.call(2).unpack1('v') }
    r32 = -> { take.call(4).unpack1('V') }
    str = -> { take.call(u16.call) }
    signature = str.call
    start = at
    t = Token.new(str.call, r32.call, r32.call, r32.call, [], ''.b, signature)
    u16.call.times do
      type = u16.call
      unless type.between?(1, 10)
        t.unparsed = data.byteslice(at - 2, data.bytesize)
        at = data.bytesize
        break
      end
      raise NotImplementedHere, "service type #{type}" unless [RTC, RTM].include?(type)

      privileges = {}
      u16.call.times { k = u16.call; privileges[k] = r32.call }
      t.services << [type, privileges, type == RTC ? [str.call, str.call] : [str.call]]
    end
    raise TokenError, "#{data.bytesize - at} bytes after the last service" if at != data.bytesize

    t.signed = data.byteslice(start, data.bytesize)
    t
  end

  def verify(token, cert)
    t = decode(token)
    hex32('appId', t.app_id)
    hex32('appCertificate', cert)
    OpenSSL.fixed_length_secure_compare(hmac(signing_key(cert, t.issue_ts, t.salt), t.signed), t.signature)
  rescue ::ArgumentError # lengths differ
    false
  end
end
